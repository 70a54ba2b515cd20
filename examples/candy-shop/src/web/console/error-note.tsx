/** A failed action's message, announced to screen readers; nothing while there is none. */
export function ErrorNote({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}
