// Where a CPU profile's time went, for the benches' diagnostic runs (BENCH_PROFILE): each sample is
// counted in the first bucket found walking from its leaf towards the root, and the heaviest leaf
// functions are listed. Each bench brings its own buckets (what matters on its path).

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type Profile = { nodes: ProfileNode[]; samples: number[]; startTime: number; endTime: number };

export type Buckets = {
  /** By script URL, first match wins. */
  byUrl: [RegExp, string][];
  /** Native frames (no URL) by function name. */
  native: Record<string, string>;
  /** What no bucket claims. */
  rest: string;
};

const shortUrl = (url: string) =>
  url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/');

/**
 * Time per unit of work (`count` of them) of each bucket and of the heaviest leaves: in µs per
 * message or ms per case, as the bench reads best.
 */
export const summarizeProfile = (
  profile: Profile,
  buckets: Buckets,
  count: number,
  unit: 'µs/msg' | 'ms/case',
  limits = { buckets: 24, leaves: 20 },
) => {
  const bucketOf = ({ url, functionName }: CallFrame) =>
    url
      ? (buckets.byUrl.find(([pattern]) => pattern.test(url))?.[1] ?? null)
      : (buckets.native[functionName] ?? null);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const byBucket = new Map<string, number>();
  const leaves = new Map<string, number>();
  for (const sample of profile.samples) {
    let found: string | null = null;
    for (let id: number | undefined = sample; id !== undefined && !found; id = parent.get(id)) {
      const node = nodes.get(id);
      if (node) found = bucketOf(node.callFrame);
    }
    const key = found ?? buckets.rest;
    byBucket.set(key, (byBucket.get(key) ?? 0) + 1);
    const leaf = nodes.get(sample)?.callFrame;
    const name = leaf
      ? `${leaf.functionName || '(anonymous)'} ${shortUrl(leaf.url)}:${leaf.lineNumber + 1}`
      : '?';
    leaves.set(name, (leaves.get(name) ?? 0) + 1);
  }
  const total = profile.samples.length || 1;
  // Profile times are in µs.
  const perSample = (profile.endTime - profile.startTime) / total / (unit === 'ms/case' ? 1000 : 1);
  const digits = unit === 'ms/case' ? 2 : 1;
  const lines = (map: Map<string, number>, limit: number) =>
    [...map]
      .sort((x, y) => y[1] - x[1])
      .slice(0, limit)
      .map(
        ([name, n]) =>
          `${((n * perSample) / Math.max(count, 1)).toFixed(digits).padStart(8)} ${unit} ${((n / total) * 100).toFixed(1).padStart(5)}%  ${name}`,
      )
      .join('\n');
  return `by component:\n${lines(byBucket, limits.buckets)}\nheaviest leaf functions:\n${lines(leaves, limits.leaves)}`;
};
