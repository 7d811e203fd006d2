import type { Principal } from '../../platform/auth/sessions.ts';

// Who may see what in the registry. Documents are private: their owner and registry
// administrators (who verify them) only — never the public, never other applicants.
export const isRegistryAdmin = (principal: Principal) => principal.roles.includes('registry_admin');

export const canReadDocument = (principal: Principal, document: { ownerId: string }) =>
  document.ownerId === principal.userId || isRegistryAdmin(principal);
