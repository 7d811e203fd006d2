import { SectionNav } from '../../../ui/section-nav.tsx';

const LINKS = [
  { to: '/registry/admin', label: 'web.registry.admin.nav.queue', end: true },
  { to: '/registry/admin/organisations', label: 'web.registry.admin.nav.organisations', end: true },
  { to: '/registry/admin/complaints', label: 'web.registry.admin.nav.complaints', end: true },
] as const;

/** The registry administration's sections. */
export const AdminNav = () => <SectionNav label="web.registry.admin.nav.label" links={LINKS} />;
