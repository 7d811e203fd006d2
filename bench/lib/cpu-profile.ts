import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

// Where the main thread's time goes under load: a V8 CPU profile of one load window, written for
// Chrome DevTools, and its samples bucketed by the component found first walking from the leaf
// frame to the root. Sampling attributes preemption to whatever ran, so on a busy machine absolute
// µs swell; the shares between components stay meaningful.

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; startTime: number; endTime: number };

const NATIVE: Record<string, string> = {
  writev: 'socket write (syscall)',
  writeUtf8String: 'socket write (syscall)',
  writeLatin1String: 'socket write (syscall)',
  writeBuffer: 'socket write (syscall)',
  '(garbage collector)': 'garbage collector',
  '(idle)': 'idle',
  randomUUID: 'request id (randomUUID)',
};

/** The component a frame belongs to, or null to keep walking towards the root. */
const component = ({ url, functionName }: CallFrame): string | null => {
  if (!url) return NATIVE[functionName] ?? null;
  if (url.includes('helmet')) return 'helmet (@fastify/helmet + helmet)';
  if (url.includes('fastify-type-provider-zod') || url.includes('/node_modules/zod/')) {
    return 'zod response validation + serialization';
  }
  if (url.includes('prom-client') || url.includes('platform/metrics.ts'))
    return 'metrics histogram (prom-client)';
  if (url.includes('rate-limit')) return 'rate-limit';
  if (url.includes('@fastify/multipart')) return 'multipart hooks';
  if (url.includes('auth/sessions.ts') || url.includes('http/access.ts'))
    return 'access control + session cache';
  if (url.includes('server/app.ts')) return 'request id (genReqId, x-request-id hook)';
  // The cookie plugin's onSend hook is where fastify continues to write the reply: not its cost.
  if (url.includes('@fastify/cookie') && functionName !== 'fastifyCookieOnSendHandler')
    return 'cookie parsing';
  if (url.includes('/src/server/features/')) return 'route handlers';
  return null;
};

export type ProfileSummary = { component: string; share: number; usPerRequest: number }[];

export const summarize = (profile: Profile, requests: number): ProfileSummary => {
  const nodes = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    nodes.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const counts = new Map<string, number>();
  for (const sample of profile.samples) {
    let found: string | null = null;
    for (let id: number | undefined = sample; id !== undefined && !found; id = parent.get(id)) {
      const node = nodes.get(id);
      if (node) found = component(node.callFrame);
    }
    const key = found ?? 'fastify core + node:http';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length || 1;
  const usPerSample = (profile.endTime - profile.startTime) / total;
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => ({
      component: name,
      share: count / total,
      usPerRequest: (count * usPerSample) / Math.max(requests, 1),
    }));
};

/** Runs `work` under the sampling profiler; writes the raw profile to `file`. */
export const profileWhile = async <T>(file: string, work: () => Promise<T>) => {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  await session.post('Profiler.start');
  const result = await work();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  fs.writeFileSync(file, JSON.stringify(profile));
  return { result, profile: profile as unknown as Profile };
};

export const formatSummary = (summary: ProfileSummary) =>
  summary
    .map(
      (row) =>
        `${row.usPerRequest.toFixed(1).padStart(7)} µs/req ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.component}`,
    )
    .join('\n');
