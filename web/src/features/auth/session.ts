import { meSchema, setupStatusSchema, type Me } from '@contract/auth';
import { useQuery } from '@tanstack/react-query';
import { apiJson, isApiError, setCsrfToken } from '@web/app/api-client';
import { changeLanguage } from '@web/app/i18n';
import { queryClient } from '@web/app/query-client';

export const meQueryKey = ['me'] as const;
export const setupQueryKey = ['setup'] as const;

/** Keeps what a session answer carries: the user, their CSRF token and their language. */
export async function rememberSession(me: Me): Promise<void> {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQueryKey, me);
  await changeLanguage(me.language);
}

/** Forgets the user and every cached record, so the next user starts clean. */
export function forgetSession(): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, null);
}

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiJson(meSchema, '/me');
    await rememberSession(me);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Infinity });
}

/** The signed-in user; only for components rendered inside RequireAuth. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser needs a signed-in user (render it inside RequireAuth)');
  return data;
}

export function useSetupStatus() {
  return useQuery({
    queryKey: setupQueryKey,
    queryFn: () => apiJson(setupStatusSchema, '/setup'),
    staleTime: Infinity,
  });
}
