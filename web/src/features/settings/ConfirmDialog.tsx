import { Dialog } from '../../ui/Dialog';

/** A yes/no question in a modal: the consequences in words, the dangerous button first. */
interface ConfirmDialogProps {
  open: boolean;
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

export function ConfirmDialog({ open, title, text, confirm, cancel, danger = true, onConfirm, onCancel, testId }: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onCancel} {...(testId ? { testId } : {})}>
      <div className="dialog-form">
        <p className="break">{text}</p>
        <div className="form-actions">
          <button type="button" className={danger ? 'button button-danger' : 'button button-primary'} onClick={onConfirm} data-testid={testId ? `${testId}-confirm` : undefined}>
            {confirm}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {cancel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
