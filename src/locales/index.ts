import type { Locale } from '../core/identity/roles.ts';
import sharedEn from './shared/en.json' with { type: 'json' };
import sharedKk from './shared/kk.json' with { type: 'json' };
import sharedRu from './shared/ru.json' with { type: 'json' };
import webEn from './web/en.json' with { type: 'json' };
import webKk from './web/kk.json' with { type: 'json' };
import webRu from './web/ru.json' with { type: 'json' };

// ICU messages in one tree per language: `shared` (errors, fields, roles, notifications,
// emails — used by server and web) and `web` (screens). Kazakh first.
export type MessageTree = { [key: string]: string | MessageTree };

export const messages: Record<Locale, MessageTree> = {
  kk: { ...sharedKk, web: webKk },
  ru: { ...sharedRu, web: webRu },
  en: { ...sharedEn, web: webEn },
};

/** Every key path of a message tree, sorted ("errors.not_found", …). */
export const keyPaths = (tree: MessageTree, prefix = ''): string[] =>
  Object.entries(tree)
    .flatMap(([key, value]) =>
      typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`),
    )
    .sort();

export const lookup = (tree: MessageTree, key: string): string | undefined => {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
};
