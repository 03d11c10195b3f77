// Form fields with a label, an optional hint and error text wired up for screen readers.
//   <TextField label="Title" name="title" value={…} onChange={…} error={…} hint? required? …inputProps />
//   <TextAreaField label="Description" … />   <SelectField label="Currency" …>{options}</SelectField>
//   Text inputs default to dir="auto", so Latin text stays readable in an Arabic page (and vice versa).
//   Each sets aria-invalid when `error` is given and aria-describedby to the hint/error.
//   <Field label error hint>{(ids) => <YourControl id={ids.id} aria-describedby={ids.describedBy} />}</Field>
//   wraps any other control the same way.
import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

export const inputClasses =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500 disabled:bg-slate-50 aria-[invalid=true]:border-red-500';

interface FieldIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

interface FieldFrameProps {
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  id?: string;
  className?: string;
}

export function Field({ label, error, hint, required, id, className = '', children }: FieldFrameProps & { children(ids: FieldIds): ReactNode }) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
        {label}
        {required && (
          <span aria-hidden className="ms-0.5 text-red-600">
            *
          </span>
        )}
      </label>
      <div className="mt-1">{children({ id: fieldId, describedBy, invalid: !!error })}</div>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

type Common = Omit<FieldFrameProps, 'id'> & { id?: string };

export const TextField = forwardRef<HTMLInputElement, Common & InputHTMLAttributes<HTMLInputElement>>(function TextField(
  { label, error, hint, required, id, className, ...input },
  ref,
) {
  return (
    <Field label={label} error={error} hint={hint} required={required} id={id} className={className}>
      {(ids) => (
        <input
          ref={ref}
          id={ids.id}
          required={required}
          aria-invalid={ids.invalid || undefined}
          aria-describedby={ids.describedBy}
          className={inputClasses}
          dir="auto"
          {...input}
        />
      )}
    </Field>
  );
});

export const TextAreaField = forwardRef<HTMLTextAreaElement, Common & TextareaHTMLAttributes<HTMLTextAreaElement>>(
  function TextAreaField({ label, error, hint, required, id, className, rows = 3, ...input }, ref) {
    return (
      <Field label={label} error={error} hint={hint} required={required} id={id} className={className}>
        {(ids) => (
          <textarea
            ref={ref}
            id={ids.id}
            rows={rows}
            required={required}
            aria-invalid={ids.invalid || undefined}
            aria-describedby={ids.describedBy}
            className={inputClasses}
            dir="auto"
            {...input}
          />
        )}
      </Field>
    );
  },
);

export const SelectField = forwardRef<HTMLSelectElement, Common & SelectHTMLAttributes<HTMLSelectElement>>(function SelectField(
  { label, error, hint, required, id, className, children, ...select },
  ref,
) {
  return (
    <Field label={label} error={error} hint={hint} required={required} id={id} className={className}>
      {(ids) => (
        <select
          ref={ref}
          id={ids.id}
          required={required}
          aria-invalid={ids.invalid || undefined}
          aria-describedby={ids.describedBy}
          className={inputClasses}
          {...select}
        >
          {children}
        </select>
      )}
    </Field>
  );
});
