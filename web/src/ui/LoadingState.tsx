import { Spinner } from './Spinner';

/** A page or section that is loading: a spinner and what is being loaded, announced politely. */
export function LoadingState({ text }: { text: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <Spinner />
      <span>{text}</span>
    </div>
  );
}
