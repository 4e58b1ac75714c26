/** A small rotating indicator; decorative unless given a label. */
export function Spinner({ label, size = 'md' }: { label?: string; size?: 'sm' | 'md' }) {
  return label ? (
    <span className={`spinner spinner-${size}`} role="status" aria-label={label} />
  ) : (
    <span className={`spinner spinner-${size}`} aria-hidden="true" />
  );
}
