import { projectHistorySchema, projectListSchema, projectSchema, type ProjectCreate, type ProjectListParams, type ProjectUpdate } from '@contract/projects';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import type { ListText } from '@web/components/list-kit/use-list-url';
import { accountKeys } from '@web/features/accounts/account-keys';
import { projectKeys } from './project-keys';

/** The projects list under its filters (the URL's text or typed parameters), a keyset page at a time. */
export function useProjects(params: ListText | ProjectListParams) {
  return useInfiniteQuery({
    queryKey: projectKeys.list(params),
    queryFn: ({ pageParam, signal }) => apiJson(projectListSchema, '/projects', { query: { limit: 50, ...params, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.one(id), queryFn: ({ signal }) => apiJson(projectSchema, `/projects/${encodeURIComponent(id)}`, { signal }) });
}

/** The project's own history, newest first. */
export function useProjectHistory(id: string) {
  return useInfiniteQuery({
    queryKey: projectKeys.history(id),
    queryFn: ({ pageParam, signal }) => apiJson(projectHistorySchema, `/projects/${encodeURIComponent(id)}/history`, { query: { limit: 30, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** After any change: the list, the page and the organization's page (its tab, counters and history) refresh. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: projectKeys.all }), queryClient.invalidateQueries({ queryKey: accountKeys.all })]);
}

export function useCreateProject() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: ProjectCreate) => apiJson(projectSchema, '/projects', { method: 'POST', body: input }), onSuccess: refresh });
}

export function useUpdateProject(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: ProjectUpdate) => apiJson(projectSchema, `/projects/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: refresh,
  });
}
