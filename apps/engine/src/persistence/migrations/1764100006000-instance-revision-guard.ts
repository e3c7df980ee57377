import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A command that holds an instance's rows from its last command on this node (instance-cache.ts)
 * locks the instance together with its writes, in the same round trip. The lock must then fail —
 * and take the writes with it — when anyone changed the instance since. The lock is a plain
 * UPDATE that moves the revision on; its RETURNING calls this function, which raises SQLSTATE
 * OD001, only when the revision it moved on from is not the one the rows were cached at. Under
 * READ COMMITTED a row locked by another command is re-read after that command commits, so a
 * revision moved on meanwhile is seen.
 */
export class InstanceRevisionGuard1764100006000 implements MigrationInterface {
  name = 'InstanceRevisionGuard1764100006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION od_stale_instance(p_instance uuid, p_revision integer) RETURNS integer
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        RAISE EXCEPTION 'instance % is no longer at revision %', p_instance, p_revision USING ERRCODE = 'OD001';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS od_stale_instance(uuid, integer)`);
  }
}
