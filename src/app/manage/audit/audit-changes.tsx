/** Shows which fields an audited change touched, with before and after values (no script needed). */
export function AuditChanges({
  before,
  after,
  labels,
}: {
  before: unknown;
  after: unknown;
  labels: { show: string; before: string; after: string; none: string };
}) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  if (keys.length === 0) return <span className="text-xs text-muted">{labels.none}</span>;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-brand-700">
        {labels.show} ({keys.length})
      </summary>
      <table className="mt-2 w-full text-start" dir="ltr">
        <thead>
          <tr className="text-muted">
            <th className="pe-2 text-start font-medium" />
            <th className="pe-2 text-start font-medium">{labels.before}</th>
            <th className="text-start font-medium">{labels.after}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k} className="align-top">
              <td className="pe-2 font-mono text-muted">{k}</td>
              <td className="max-w-40 break-all pe-2 font-mono text-danger-700">
                {k in b ? JSON.stringify(b[k]) : "—"}
              </td>
              <td className="max-w-40 break-all font-mono text-success-700">{k in a ? JSON.stringify(a[k]) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
