import type { Wire } from './wire.js';

/** What the API shows of a dossier's file, uploaded or reused: never where it is stored. */
export interface DossierFileView {
  id: string;
  purpose: 'component' | 'result';
  componentId: string | null;
  componentName: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  reused: boolean;
  /** The dossier the reused file was first handed in with. */
  reusedFromDossier: string | null;
  validUntil: Date | null;
  addedBy: string;
  addedAt: Date;
}

/** A dossier's component as the task page lists it: what the procedure asks for and the files held. */
export interface DossierComponentFilesView {
  id: string;
  name: string;
  required: boolean;
  copies: string | null;
  template: string | null;
  kind: string;
  files: DossierFileView[];
}

/** A dossier's documents (GET /api/dossiers/{code}/files). */
export interface DossierFilesView {
  components: DossierComponentFilesView[];
  result: DossierFileView | null;
  resultElectronic: boolean;
  /** The open step that returns the result, where the result document is attached; null when the dossier is not there. */
  resultStepTaskId: string | null;
}

/** Files of the applicant's earlier dossiers a component may reuse (GET /api/dossiers/{code}/reusable). */
export interface ReusableOfferView {
  componentId: string;
  componentName: string;
  files: (DossierFileView & { dossierCode: string })[];
}

export type DossierFile = Wire<DossierFileView>;
export type DossierComponentFiles = Wire<DossierComponentFilesView>;
export type DossierFiles = Wire<DossierFilesView>;
export type ReusableOffer = Wire<ReusableOfferView>;
