// The 27 scopes in their 13 groups, each group with a plain-language description; used by the consent page and the
// client form.
import { useTranslation } from 'react-i18next';
import { SCOPE_GROUPS, type ScopeGroup } from '~/auth/scopes';

export function ScopePicker({
  available,
  selected,
  onToggle,
  name,
  idPrefix,
}: {
  available: readonly string[];
  selected: readonly string[];
  onToggle?: (scope: string, on: boolean) => void;
  /** When set, checkboxes are submitted in a plain form under this field name. */
  name?: string;
  idPrefix: string;
}) {
  const { t } = useTranslation('oauth');
  const groups = (Object.keys(SCOPE_GROUPS) as ScopeGroup[]).filter((g) => SCOPE_GROUPS[g].some((s) => available.includes(s)));
  return (
    <div className="space-y-3">
      {groups.map((group) => (
        <fieldset key={group} className="rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold text-slate-800">{t(`groups.${group}.title`)}</legend>
          <p className="mb-2 text-sm text-slate-600">{t(`groups.${group}.description`)}</p>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {SCOPE_GROUPS[group]
              .filter((s) => available.includes(s))
              .map((scope) => {
                const id = `${idPrefix}-${scope.replace(':', '-')}`;
                const level = scope.split(':')[1];
                return (
                  <label key={scope} htmlFor={id} className="flex items-center gap-2 text-sm text-slate-700">
                    <input
                      id={id}
                      type="checkbox"
                      name={name}
                      value={scope}
                      className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-2 focus:ring-indigo-500"
                      {...(onToggle
                        ? { checked: selected.includes(scope), onChange: (e) => onToggle(scope, e.target.checked) }
                        : { defaultChecked: selected.includes(scope) })}
                    />
                    <span>{t(`levels.${level}`)}</span>
                    <code className="text-xs text-slate-400">{scope}</code>
                  </label>
                );
              })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
