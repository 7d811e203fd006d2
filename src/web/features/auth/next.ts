/** Only paths inside this site may be a `next` target (no //evil.example or absolute URLs). */
export const safeNext = (value: string | null | undefined): string => {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
};

export const loginPath = (next: string) =>
  next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
export const registerPath = (next: string) =>
  next && next !== '/' ? `/register?next=${encodeURIComponent(next)}` : '/register';
