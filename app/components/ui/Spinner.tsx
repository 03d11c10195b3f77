// Spinner: a small animated circle for loading states.
//   <Spinner size="sm|md|lg" label? />  With `label` it is announced (role=status); without, it is decorative.
export function Spinner({ size = 'md', label }: { size?: 'sm' | 'md' | 'lg'; label?: string }) {
  const px = size === 'sm' ? 'h-4 w-4 border-2' : size === 'lg' ? 'h-10 w-10 border-4' : 'h-6 w-6 border-2';
  const circle = <span aria-hidden className={`inline-block animate-spin rounded-full border-current border-t-transparent ${px}`} />;
  if (!label) return circle;
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-slate-500">
      {circle}
      <span>{label}</span>
    </span>
  );
}
