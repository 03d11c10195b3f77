// Avatar: a person's initials in a circle with a colour derived from their name (same name, same colour).
//   <Avatar name="Ada Lovelace" size="sm|md|lg" title? userId? src? />  with userId (or src), the person's uploaded
//     picture (/api/avatars/<id>, transparent when there is none) covers the initials.
//   <AvatarStack names={['Ada', 'Bob', …]} userIds? max={4} size="sm" label="Members" />  overlapping, "+N" for the rest.
//   initialsOf(name) and colorOf(name) are exported for other widgets.

const COLORS = [
  'bg-rose-500',
  'bg-orange-500',
  'bg-amber-600',
  'bg-lime-600',
  'bg-emerald-600',
  'bg-teal-600',
  'bg-cyan-600',
  'bg-sky-600',
  'bg-indigo-500',
  'bg-violet-500',
  'bg-fuchsia-600',
  'bg-pink-600',
];

/** Up to two initials: first letters of the first and last word ("Ada Lovelace" → "AL", "bob" → "B"). */
export function initialsOf(name: string) {
  const words = name.trim().split(/[\s._@-]+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0])[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1])[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** A Tailwind background class picked from a stable hash of the name. */
export function colorOf(name: string) {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return COLORS[hash % COLORS.length];
}

const SIZES = { sm: 'h-7 w-7 text-[11px]', md: 'h-9 w-9 text-sm', lg: 'h-12 w-12 text-base', xl: 'h-20 w-20 text-2xl' } as const;

export function Avatar({
  name,
  size = 'md',
  title,
  userId,
  src,
}: {
  name: string;
  size?: keyof typeof SIZES;
  title?: string;
  userId?: number;
  src?: string | null;
}) {
  const picture = src ?? (userId !== undefined ? `/api/avatars/${userId}` : null);
  return (
    <span
      role="img"
      aria-label={title ?? name}
      title={title ?? name}
      data-testid="avatar"
      className={`relative inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full font-semibold text-white ring-2 ring-white ${SIZES[size]} ${colorOf(name)}`}
    >
      {initialsOf(name)}
      {picture && <img src={picture} alt="" aria-hidden="true" loading="lazy" decoding="async" className="absolute inset-0 h-full w-full object-cover" />}
    </span>
  );
}

export function AvatarStack({
  names,
  userIds,
  max = 4,
  size = 'sm',
  label,
}: {
  names: string[];
  /** the people's ids, in the order of `names`, to show their pictures */
  userIds?: number[];
  max?: number;
  size?: keyof typeof SIZES;
  label?: string;
}) {
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  return (
    <div className="flex items-center -space-x-1.5 rtl:space-x-reverse" aria-label={label} role="group">
      {shown.map((name, i) => (
        <Avatar key={`${name}-${i}`} name={name} size={size} userId={userIds?.[i]} />
      ))}
      {rest > 0 && (
        <span
          className={`inline-flex items-center justify-center rounded-full bg-slate-200 font-semibold text-slate-700 ring-2 ring-white ${SIZES[size]}`}
          title={names.slice(max).join(', ')}
        >
          +{rest}
        </span>
      )}
    </div>
  );
}
