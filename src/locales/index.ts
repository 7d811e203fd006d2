import type { Locale } from '../core/identity/roles.ts';
import caseEn from './case/en.json' with { type: 'json' };
import caseKk from './case/kk.json' with { type: 'json' };
import caseRu from './case/ru.json' with { type: 'json' };
import explorerEn from './explorer/en.json' with { type: 'json' };
import explorerKk from './explorer/kk.json' with { type: 'json' };
import explorerRu from './explorer/ru.json' with { type: 'json' };
import intakeEn from './intake/en.json' with { type: 'json' };
import intakeKk from './intake/kk.json' with { type: 'json' };
import intakeRu from './intake/ru.json' with { type: 'json' };
import membersEn from './members/en.json' with { type: 'json' };
import membersKk from './members/kk.json' with { type: 'json' };
import membersRu from './members/ru.json' with { type: 'json' };
import roomEn from './room/en.json' with { type: 'json' };
import roomKk from './room/kk.json' with { type: 'json' };
import roomRu from './room/ru.json' with { type: 'json' };
import scheduleEn from './schedule/en.json' with { type: 'json' };
import scheduleKk from './schedule/kk.json' with { type: 'json' };
import scheduleRu from './schedule/ru.json' with { type: 'json' };
import sharedEn from './shared/en.json' with { type: 'json' };
import sharedKk from './shared/kk.json' with { type: 'json' };
import sharedRu from './shared/ru.json' with { type: 'json' };
import webEn from './web/en.json' with { type: 'json' };
import webKk from './web/kk.json' with { type: 'json' };
import webRu from './web/ru.json' with { type: 'json' };

// ICU messages in one tree per language: `shared` (errors, fields, roles, notifications,
// emails — used by server and web) and `web` (screens). Kazakh first. Larger screen families keep
// their own files (explorer, intake, case, room, schedule) and appear under `web.<family>`.
export type MessageTree = { [key: string]: string | MessageTree };

/**
 * A feature's own file with server messages (`errors`, `fields`, `notifications.<feature>`) and
 * screens (`web.<feature>`), merged into the shared tree: `members` (representatives, interpreters).
 */
type FeatureMessages = {
  errors: MessageTree;
  fields: MessageTree;
  notifications: MessageTree;
  web: MessageTree;
};
const withFeature = (shared: typeof sharedKk, name: string, feature: FeatureMessages) => ({
  ...shared,
  errors: { ...shared.errors, ...feature.errors },
  fields: { ...shared.fields, ...feature.fields },
  notifications: { ...shared.notifications, [name]: feature.notifications },
});

export const messages: Record<Locale, MessageTree> = {
  kk: {
    ...withFeature(sharedKk, 'members', membersKk),
    web: {
      ...webKk,
      explorer: explorerKk,
      intake: intakeKk,
      case: caseKk,
      room: roomKk,
      schedule: scheduleKk,
      members: membersKk.web,
    },
  },
  ru: {
    ...withFeature(sharedRu, 'members', membersRu),
    web: {
      ...webRu,
      explorer: explorerRu,
      intake: intakeRu,
      case: caseRu,
      room: roomRu,
      schedule: scheduleRu,
      members: membersRu.web,
    },
  },
  en: {
    ...withFeature(sharedEn, 'members', membersEn),
    web: {
      ...webEn,
      explorer: explorerEn,
      intake: intakeEn,
      case: caseEn,
      room: roomEn,
      schedule: scheduleEn,
      members: membersEn.web,
    },
  },
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
