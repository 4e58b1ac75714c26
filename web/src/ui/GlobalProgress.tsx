import { useIsFetching, useIsMutating } from '@tanstack/react-query';
import { useRouterState } from '@tanstack/react-router';

/** A thin bar under the header while anything loads or saves. */
export function GlobalProgress() {
  const fetching = useIsFetching();
  const mutating = useIsMutating();
  const routing = useRouterState({ select: (state) => state.status === 'pending' });
  const busy = fetching + mutating > 0 || routing;
  return <div className={busy ? 'progress-bar progress-bar-active' : 'progress-bar'} aria-hidden="true" />;
}
