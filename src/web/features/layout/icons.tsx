// Inline icons (no icon font to download); always decorative, the text beside them names the thing.
export const BellIcon = ({ className = 'size-6' }: { className?: string }) => (
  <svg
    aria-hidden="true"
    viewBox="0 0 24 24"
    className={className}
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
  >
    <path
      strokeLinecap="round"
      strokeLinejoin="round"
      d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
    />
  </svg>
);

export const MenuIcon = ({ open }: { open: boolean }) => (
  <svg
    aria-hidden="true"
    viewBox="0 0 24 24"
    className="size-6"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.5"
  >
    {open ? (
      <path strokeLinecap="round" d="M6 6l12 12M18 6L6 18" />
    ) : (
      <path strokeLinecap="round" d="M4 7h16M4 12h16M4 17h16" />
    )}
  </svg>
);

export const LogoMark = () => (
  <svg aria-hidden="true" viewBox="0 0 32 32" className="size-9 shrink-0">
    <rect width="32" height="32" rx="7" fill="#0c3b66" />
    <path
      d="M9 8v16M9 16l9-8M12.5 13l7 11"
      stroke="#fcd34d"
      strokeWidth="3"
      strokeLinecap="round"
      strokeLinejoin="round"
      fill="none"
    />
  </svg>
);
