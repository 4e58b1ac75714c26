/** A determinate progress bar with its percentage, readable by assistive technology. */
export function ProgressMeter({ percent, label, testId, text }: { percent: number; label: string; testId?: string; text?: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="transfer-meter-wrap">
      <div
        className="transfer-meter"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text ? `${value}% · ${text}` : `${value}%`}
        data-testid={testId}
      >
        <div className="transfer-meter-fill" style={{ width: `${value}%` }} />
      </div>
      <div className="transfer-meter-text">
        <strong>{value}%</strong>
        {text ? <span className="muted">{text}</span> : null}
      </div>
    </div>
  );
}
