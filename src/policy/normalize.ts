import {
  DEFAULT_CAP_ENABLED,
  DEFAULT_EXPIRY,
  DEFAULT_INCLUDE_DRAFTS,
  defaultRenewalWindowSeconds,
} from '../core/defaults';
import { untilTimestamp } from '../core/fields';
import { EXPIRY_MIN_SECONDS, isCalendarExpiry } from '../github/facts';
import { formatDurationSeconds, parseDurationSeconds } from './duration';
import { formatLocation } from './errors';
import type { PathProblem } from './issues';
import type { PathSegment, PolicySourceMap } from './positions';
import { formatPath } from './positions';
import type {
  CreationCapDocument,
  InteractionLimitDocument,
  PolicyDocument,
  RepositoryEntryDocument,
} from './schema';
import { LIMIT_VALUES } from './schema';
import type {
  CapSetting,
  LimitSetting,
  OrganizationPolicy,
  Policy,
  RepositoryEntry,
  RepositorySelector,
  RepositorySettings,
  UserPolicy,
} from './types';

/**
 * Turns a schema-valid document into a `Policy`: applies `defaults` and the core defaults to
 * limits, resolves `renew_within`, and reports what only makes sense in context (a renewal window
 * not shorter than its expiry, an entry with nothing to manage).
 */
export function normalizePolicy(
  document: PolicyDocument,
  sourceMap: PolicySourceMap,
): { policy: Policy; problems: PathProblem[] } {
  const problems: PathProblem[] = [];
  const keyAt = (path: readonly PathSegment[]) => sourceMap.locate(path, 'key');

  const defaultsLimit = document.defaults?.interaction_limit;
  // Whether the fields entries inherit from defaults.interaction_limit are usable; when they are
  // not, the problem is reported once, at defaults, not at every entry that inherits them.
  let defaultsWindowOk = true;

  const limitSetting = (
    own: InteractionLimitDocument,
    path: readonly PathSegment[],
    inherited: InteractionLimitDocument | undefined,
  ): LimitSetting | undefined => {
    const location = keyAt(path);
    const limit = own.limit ?? inherited?.limit;
    if (limit === undefined) {
      problems.push({
        path: [...path, 'limit'],
        message: `is missing (and defaults.interaction_limit has none); expected one of ${LIMIT_VALUES.join(', ')}`,
      });
      return undefined;
    }
    if (limit === 'none') {
      if (own.limit === undefined) {
        for (const key of ['expiry', 'renew', 'renew_within', 'until'] as const) {
          if (own[key] !== undefined) {
            problems.push({
              path: [...path, key],
              message: `has no effect: the limit is none (from defaults.interaction_limit.limit); remove it`,
            });
          }
        }
      }
      return { limit, location };
    }
    const inheritsWindow =
      inherited !== undefined && own.expiry === undefined && own.renew_within === undefined;
    if (inheritsWindow ? !defaultsWindowOk : !checkWindow(own, inherited, path)) return undefined;
    const expiry = own.expiry ?? inherited?.expiry ?? DEFAULT_EXPIRY;
    const window = own.renew_within ?? inherited?.renew_within;
    const renew = own.renew ?? inherited?.renew ?? true;
    const until = own.until ?? inherited?.until;
    if (!renew && until === undefined) {
      problems.push({
        path: [...path, own.renew === undefined ? 'limit' : 'renew'],
        message:
          'renew: false needs until (when the one-off limit ends, e.g. until: 2026-12-01T00:00:00Z): ' +
          'the CLI keeps no state, so without it a lapsed one-off limit looks never applied and ' +
          'would be set again on every apply',
      });
      return undefined;
    }
    return {
      limit,
      expiry,
      renewal: {
        enabled: renew,
        windowSeconds:
          window === undefined ? defaultRenewalWindowSeconds(expiry) : parseDurationSeconds(window),
        ...(until !== undefined ? { until: untilTimestamp(until) } : {}),
      },
      location,
    };
  };

  const capSetting = (cap: CreationCapDocument, path: readonly PathSegment[]): CapSetting => {
    const location = keyAt(path);
    if (cap === false || cap === 'disabled') {
      return { enabled: false, includeDrafts: DEFAULT_INCLUDE_DRAFTS, location };
    }
    return {
      enabled: cap.enabled ?? DEFAULT_CAP_ENABLED,
      ...(cap.max_open_pull_requests !== undefined
        ? { maxOpenPullRequests: cap.max_open_pull_requests }
        : {}),
      includeDrafts: cap.include_drafts ?? DEFAULT_INCLUDE_DRAFTS,
      location,
    };
  };

  const repositorySettings = (
    own: Pick<RepositoryEntryDocument, 'interaction_limit' | 'pr_bypass_list' | 'pr_creation_cap'>,
    path: readonly PathSegment[],
    inheritedLimit: InteractionLimitDocument | undefined,
  ): RepositorySettings => {
    const settings: {
      interactionLimit?: LimitSetting;
      prBypassList?: RepositorySettings['prBypassList'];
      prCreationCap?: CapSetting;
    } = {};
    if (own.interaction_limit) {
      const limitPath = [...path, 'interaction_limit'];
      const limit = limitSetting(own.interaction_limit, limitPath, inheritedLimit);
      if (limit) settings.interactionLimit = limit;
    }
    if (own.pr_bypass_list) {
      settings.prBypassList = {
        users: own.pr_bypass_list,
        location: keyAt([...path, 'pr_bypass_list']),
      };
    }
    if (own.pr_creation_cap !== undefined) {
      settings.prCreationCap = capSetting(own.pr_creation_cap, [...path, 'pr_creation_cap']);
    }
    return settings;
  };

  // `defaults.interaction_limit` without a limit only supplies fields; with one it is a setting.
  let defaults: RepositorySettings = {};
  if (document.defaults !== undefined) {
    const suppliesFieldsOnly = defaultsLimit !== undefined && defaultsLimit.limit === undefined;
    if (suppliesFieldsOnly) {
      defaultsWindowOk = checkWindow(defaultsLimit, undefined, ['defaults', 'interaction_limit']);
    }
    defaults = repositorySettings(
      suppliesFieldsOnly
        ? { ...document.defaults, interaction_limit: undefined }
        : document.defaults,
      ['defaults'],
      undefined,
    );
    if (!suppliesFieldsOnly && defaultsLimit !== undefined) {
      defaultsWindowOk = defaults.interactionLimit !== undefined;
    }
  }

  const organizations: OrganizationPolicy[] = Object.entries(document.organizations ?? {}).map(
    ([org, declared]) => {
      const path = ['organizations', org];
      if (declared.interaction_limit === undefined && declared.pr_creation_cap === undefined) {
        problems.push({
          path,
          message: 'declares nothing; give interaction_limit, pr_creation_cap or both',
        });
      }
      const interactionLimit =
        declared.interaction_limit &&
        limitSetting(declared.interaction_limit, [...path, 'interaction_limit'], undefined);
      return {
        org,
        ...(interactionLimit && { interactionLimit }),
        ...(declared.pr_creation_cap !== undefined && {
          prCreationCap: capSetting(declared.pr_creation_cap, [...path, 'pr_creation_cap']),
        }),
        location: keyAt(path),
      };
    },
  );

  let user: UserPolicy | undefined;
  if (document.user) {
    const interactionLimit = limitSetting(
      document.user.interaction_limit,
      ['user', 'interaction_limit'],
      undefined,
    );
    if (interactionLimit) {
      user = {
        ...(document.user.login !== undefined && { login: document.user.login }),
        interactionLimit,
        location: keyAt(['user']),
      };
    }
  }

  const hasDefaults = Object.keys(defaults).length > 0;
  const repositories: RepositoryEntry[] = (document.repositories ?? []).flatMap(
    (entry, index): RepositoryEntry[] => {
      const path = ['repositories', index];
      const base = {
        index,
        path: formatPath(path),
        settings: repositorySettings(entry, path, defaultsLimit),
        location: sourceMap.locate(path),
      };
      if (
        !hasDefaults &&
        entry.interaction_limit === undefined &&
        entry.pr_bypass_list === undefined &&
        entry.pr_creation_cap === undefined
      ) {
        problems.push({
          path,
          message:
            'declares nothing to manage; give interaction_limit, pr_bypass_list or pr_creation_cap (or declare defaults)',
        });
      }
      if (entry.repository !== undefined) {
        const [owner, repo] = entry.repository.split('/');
        return [{ ...base, type: 'repository', owner, repo }];
      }
      if (entry.select !== undefined) {
        const chosen = selector(entry.select);
        chosen.exclude.forEach((pattern, i) => {
          const slash = pattern.indexOf('/');
          const owner = pattern.slice(0, slash);
          if (slash !== -1 && owner.toLowerCase() !== chosen.owner.login.toLowerCase()) {
            problems.push({
              path: [...path, 'select', 'exclude', i],
              message: `"${pattern}" names a repository of ${owner}, but this selector selects repositories of ${chosen.owner.login}; write the name alone, e.g. "${pattern.slice(slash + 1)}"`,
            });
          }
        });
        return [{ ...base, type: 'selector', selector: chosen }];
      }
      return [];
    },
  );

  return {
    policy: {
      version: 1,
      fileName: sourceMap.file,
      organizations,
      ...(user && { user }),
      defaults,
      repositories,
    },
    problems,
  };

  /**
   * `renew_within` must be shorter than the expiry, or a fresh limit would already be
   * "expiring" and be renewed on every run. Returns false (and reports) when it is not.
   */
  function checkWindow(
    own: InteractionLimitDocument,
    inherited: InteractionLimitDocument | undefined,
    path: readonly PathSegment[],
  ): boolean {
    if ((own.limit ?? inherited?.limit) === 'none') return true;
    const expiry = own.expiry ?? inherited?.expiry ?? DEFAULT_EXPIRY;
    const window = own.renew_within ?? inherited?.renew_within;
    if (window === undefined) return true;
    const windowSeconds = parseDurationSeconds(window);
    if (windowSeconds < EXPIRY_MIN_SECONDS[expiry]) return true;
    const expiryText = `${expiry} (${isCalendarExpiry(expiry) ? 'at least ' : ''}${formatDurationSeconds(EXPIRY_MIN_SECONDS[expiry])})`;
    let windowText = typeof window === 'number' ? `${window} seconds` : JSON.stringify(window);
    if (formatDurationSeconds(windowSeconds) !== window) {
      windowText += ` (${formatDurationSeconds(windowSeconds)})`;
    }
    const fix =
      'a fresh limit would already be due for renewal and be renewed on every run; ' +
      'use a renew_within shorter than the expiry, or a longer expiry';
    if (own.renew_within !== undefined) {
      const expiryFrom =
        own.expiry !== undefined
          ? ''
          : inherited?.expiry !== undefined
            ? ' from defaults.interaction_limit.expiry'
            : ' (the default)';
      problems.push({
        path: [...path, 'renew_within'],
        message: `${windowText} is not shorter than expiry ${expiryText}${expiryFrom}; ${fix}`,
      });
    } else {
      const windowAt = formatLocation(
        sourceMap.locate(['defaults', 'interaction_limit', 'renew_within']),
      );
      problems.push({
        path: [...path, 'expiry'],
        message: `${expiryText} is not longer than renew_within ${windowText} from defaults.interaction_limit.renew_within (${windowAt}); ${fix}`,
      });
    }
    return false;
  }
}

function selector(select: NonNullable<RepositoryEntryDocument['select']>): RepositorySelector {
  return {
    owner:
      select.organization !== undefined
        ? { type: 'organization', login: select.organization }
        : { type: 'user', login: select.user ?? '' },
    names: select.names ?? ['*'],
    exclude: select.exclude ?? [],
    topicsAny: (select.topics?.any ?? []).map((topic) => topic.toLowerCase()),
    topicsAll: (select.topics?.all ?? []).map((topic) => topic.toLowerCase()),
    visibility: select.visibility ?? 'public',
    includeArchived: select.include_archived ?? false,
    includeForks: select.include_forks ?? false,
  };
}
