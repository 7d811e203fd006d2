import { SectionNav } from '../../ui/section-nav.tsx';

const LINKS = [
  { to: '/registry', label: 'web.registry.nav.search', end: true },
  { to: '/registry/organisations', label: 'web.registry.nav.organisations', end: false },
  { to: '/registry/how-matching-works', label: 'web.registry.nav.matching', end: true },
  { to: '/registry/apply', label: 'web.registry.nav.apply', end: true },
] as const;

/** The public registry's sections, on each of its pages. */
export const RegistryNav = () => <SectionNav label="web.registry.nav.label" links={LINKS} />;
