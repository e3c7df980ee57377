/**
 * Files a dossier's applicant handed in before (or received as results) that may stand in for a
 * new copy: first-hand files only (a reuse points at the original), of the same identity number
 * ($1) and one of the component kinds ($2), from another dossier ($3), still valid at $4, and not
 * already attached to this dossier.
 */
export const reusableFilesSql = `
  SELECT f.* FROM dossier_file f
   WHERE f.reused_from IS NULL
     AND f.applicant_id_number = $1
     AND f.component_kind = ANY($2::text[])
     AND f.dossier_code <> $3
     AND (f.valid_until IS NULL OR f.valid_until > $4)
     AND NOT EXISTS (SELECT 1 FROM dossier_file mine WHERE mine.dossier_code = $3 AND mine.reused_from = f.id)`;
