import type { Engine } from '../engine.js';
import { petitionListener } from './petition-listener.js';

export { PETITIONS_KEY, SubmitPetition, type PetitionInput } from './submit-petition.js';
export { PetitionQueries } from '../queries/petitions/petition-queries.js';

/** Plugs petitions into an engine node: each petition row kept in step with its instance. */
export function installPetitions(engine: Engine): void {
  engine.onTransaction(petitionListener());
}
