'use client';

import { useFormStatus } from 'react-dom';

/** A form's submit button that says what is happening while the form is on its way (announced politely). */
export function SubmitButton(props: { label: string; pendingLabel: string; variant?: 'primary' | 'secondary' }) {
  const { pending } = useFormStatus();
  const style =
    props.variant === 'secondary'
      ? 'border border-slate-500 bg-white text-slate-900 hover:bg-slate-100'
      : 'bg-sky-800 text-white hover:bg-sky-900';
  return (
    <>
      <button
        type="submit"
        aria-disabled={pending}
        onClick={(event) => {
          if (pending) event.preventDefault(); // one submission at a time
        }}
        className={`inline-flex min-h-11 items-center rounded px-5 py-2 font-semibold ${style}`}
      >
        {props.label}
      </button>
      <span role="status" aria-live="polite" className="ml-3 text-slate-800">
        {pending ? props.pendingLabel : ''}
      </span>
    </>
  );
}
