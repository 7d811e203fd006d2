import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { Locale, Role } from '../core/identity/roles.ts';
import { api, keys, type Me } from './api.ts';
import { applyLocale, rememberLocale } from './i18n.ts';

const MINUTE = 60_000;
const KEEP_ACROSS_SESSIONS = ['me', 'config', 'courts'];

/** The logged-in account (null when logged out); polled so the unread count stays fresh. */
export const useMe = () =>
  useQuery({
    queryKey: keys.me,
    queryFn: api.me,
    refetchInterval: MINUTE,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });

export const useConfig = () =>
  useQuery({ queryKey: keys.config, queryFn: api.config, staleTime: Number.POSITIVE_INFINITY });

export const hasRole = (me: Me | null | undefined, role: Role) => Boolean(me?.roles.includes(role));

/** After login or registration: the account is known, and its language wins. */
export const useSignedIn = () => {
  const queryClient = useQueryClient();
  return useCallback(
    async (me: Me) => {
      // Nothing cached from an earlier session (another person on a shared phone) survives.
      queryClient.removeQueries({
        predicate: (query) => !KEEP_ACROSS_SESSIONS.includes(String(query.queryKey[0])),
      });
      queryClient.setQueryData(keys.me, me);
      rememberLocale(me.locale);
      await applyLocale(me.locale);
    },
    [queryClient],
  );
};

export const useLogout = () => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.logout();
      } catch {
        // Already logged out (expired session) or offline: the local session ends either way.
      }
    },
    onSettled: () => {
      queryClient.setQueryData(keys.me, null);
      queryClient.removeQueries({
        predicate: (query) => !['me', 'config'].includes(String(query.queryKey[0])),
      });
      navigate('/');
    },
  });
};

/** An explicit language choice: remembered in the browser and, when logged in, on the account. */
export const useChooseLanguage = () => {
  const queryClient = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      rememberLocale(locale);
      await applyLocale(locale);
      const me = queryClient.getQueryData<Me | null>(keys.me);
      if (!me || me.locale === locale) return;
      queryClient.setQueryData(keys.me, { ...me, locale });
      try {
        queryClient.setQueryData(keys.me, await api.updateMe({ locale }));
      } catch {
        // The interface already switched; the account keeps its old language until the next try.
      }
    },
    [queryClient],
  );
};
