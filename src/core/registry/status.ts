// The life of a registry entry, as data: which decision moves it from where to where.
export type RegistryStatus = 'submitted' | 'needs_info' | 'approved' | 'refused' | 'suspended' | 'excluded';
export type RegistryDecision = 'approve' | 'needs_info' | 'refuse' | 'suspend' | 'reinstate' | 'exclude';

export const REGISTRY_TRANSITIONS: Record<
  RegistryDecision,
  { from: readonly RegistryStatus[]; to: RegistryStatus }
> = {
  approve: { from: ['submitted'], to: 'approved' },
  needs_info: { from: ['submitted'], to: 'needs_info' },
  refuse: { from: ['submitted', 'needs_info'], to: 'refused' },
  suspend: { from: ['approved'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'approved' },
  exclude: { from: ['approved', 'suspended'], to: 'excluded' },
};

/** An applicant may (re)submit when there is nothing yet, or when asked for more, or after a refusal. */
export const APPLICANT_MAY_SUBMIT_FROM: readonly (RegistryStatus | null)[] = [null, 'needs_info', 'refused'];

/** Only these entries are shown to the public and offered for cases. */
export const PUBLICLY_LISTED: readonly RegistryStatus[] = ['approved'];

export const nextStatus = (current: RegistryStatus, decision: RegistryDecision): RegistryStatus | null =>
  REGISTRY_TRANSITIONS[decision].from.includes(current) ? REGISTRY_TRANSITIONS[decision].to : null;

export const formatRegistryNumber = (n: number) => `KZ-MED-${String(n).padStart(6, '0')}`;
