import { AGREEMENT_CHECKS } from '../core/agreements/validate.ts';
import type { Locale } from '../core/identity/roles.ts';
import agreementEn from './agreement/en.json' with { type: 'json' };
import agreementKk from './agreement/kk.json' with { type: 'json' };
import agreementRu from './agreement/ru.json' with { type: 'json' };
import agreementsEn from './agreements/en.json' with { type: 'json' };
import agreementsKk from './agreements/kk.json' with { type: 'json' };
import agreementsRu from './agreements/ru.json' with { type: 'json' };
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
import signingEn from './signing/en.json' with { type: 'json' };
import signingKk from './signing/kk.json' with { type: 'json' };
import signingRu from './signing/ru.json' with { type: 'json' };
import webEn from './web/en.json' with { type: 'json' };
import webKk from './web/kk.json' with { type: 'json' };
import webRu from './web/ru.json' with { type: 'json' };

// ICU messages in one tree per language: `shared` (errors, fields, roles, notifications,
// emails — used by server and web) and `web` (screens). Kazakh first. Larger screen families keep
// their own files (explorer, intake, case, room, schedule) and appear under `web.<family>`.
export type MessageTree = { [key: string]: string | MessageTree };

/**
 * A feature's own file with server messages (`errors`, `fields`, `notifications.<feature>`) and
 * screens (`web.<feature>`), merged into the shared tree: `members` (representatives, interpreters),
 * `agreements` (settlement agreements, signatures, filing). `agreement` (the builder) and
 * `signing` (signing, verification, the court's inbox) are screen families like `case`.
 */
type FeatureMessages = {
  errors: MessageTree;
  fields: MessageTree;
  notifications: MessageTree;
  web: MessageTree;
};
/**
 * The agreement builder's problem messages double as the server's field errors when it refuses to
 * approve a draft; each names its rule (core/agreements checks), so the refusal says why.
 */
const problemFields = (problems: Record<string, string>, shared: MessageTree) =>
  Object.fromEntries(
    // A code the whole platform already uses (iin_invalid…) keeps its shared message.
    Object.entries(problems)
      .filter(([code]) => !(code in shared))
      .map(([code, text]) => {
        const rule = AGREEMENT_CHECKS.find((check) => check.code === code)?.rule;
        return [code, rule ? `${text} (${rule})` : text];
      }),
  );

const withFeatures = (shared: typeof sharedKk, features: Record<string, FeatureMessages>) => {
  const all = Object.entries(features);
  const merged = (part: 'errors' | 'fields') =>
    Object.assign({}, shared[part], ...all.map(([, feature]) => feature[part]));
  return {
    ...shared,
    errors: merged('errors'),
    fields: merged('fields'),
    notifications: {
      ...shared.notifications,
      ...Object.fromEntries(all.map(([name, feature]) => [name, feature.notifications])),
    },
  };
};

export const messages: Record<Locale, MessageTree> = {
  kk: {
    ...withFeatures(sharedKk, {
      members: membersKk,
      agreements: {
        ...agreementsKk,
        fields: { ...agreementsKk.fields, ...problemFields(agreementKk.problems, sharedKk.fields) },
      },
    }),
    web: {
      ...webKk,
      explorer: explorerKk,
      intake: intakeKk,
      case: caseKk,
      room: roomKk,
      schedule: scheduleKk,
      members: membersKk.web,
      agreements: agreementsKk.web,
      agreement: agreementKk,
      signing: signingKk,
    },
  },
  ru: {
    ...withFeatures(sharedRu, {
      members: membersRu,
      agreements: {
        ...agreementsRu,
        fields: { ...agreementsRu.fields, ...problemFields(agreementRu.problems, sharedRu.fields) },
      },
    }),
    web: {
      ...webRu,
      explorer: explorerRu,
      intake: intakeRu,
      case: caseRu,
      room: roomRu,
      schedule: scheduleRu,
      members: membersRu.web,
      agreements: agreementsRu.web,
      agreement: agreementRu,
      signing: signingRu,
    },
  },
  en: {
    ...withFeatures(sharedEn, {
      members: membersEn,
      agreements: {
        ...agreementsEn,
        fields: { ...agreementsEn.fields, ...problemFields(agreementEn.problems, sharedEn.fields) },
      },
    }),
    web: {
      ...webEn,
      explorer: explorerEn,
      intake: intakeEn,
      case: caseEn,
      room: roomEn,
      schedule: scheduleEn,
      members: membersEn.web,
      agreements: agreementsEn.web,
      agreement: agreementEn,
      signing: signingEn,
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
