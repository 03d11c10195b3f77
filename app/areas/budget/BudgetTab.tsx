// The planner's Budget tab: expenses with filters, an add/edit dialog with a split editor that checks the sum as you
// type, what each person consumed and paid, who pays whom to settle, bars by category and by person, and the trip's
// exchange rates. Figures come from the server (exact minor units); this only formats them in the user's language.
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, thenRefresh, useTRPC } from '~/utils/trpc';
import { Button, ConfirmDialog, DateField, Dialog, EmptyState, SelectField, Spinner, TabLoadError, TextField } from '~/components/ui';
import { currencyOptions } from '~/areas/trips/currencies';
import { formatAmount, parseAmount, toMajor, type SplitMode } from './rules';
import type { BudgetList } from './events';

type Item = BudgetList['items'][number];
type Person = { id: number; displayName: string };

/** Formats minor units in the user's language: "€42.10", "42,10 €", "٤٢٫١٠ €". */
function useMoney() {
  const { i18n } = useTranslation();
  return (minor: number, currency: string) => {
    try {
      return new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(toMajor(minor, currency));
    } catch {
      return `${formatAmount(minor, currency)} ${currency}`;
    }
  };
}

export function BudgetTab({ tripId }: { tripId: number }) {
  const { t } = useTranslation('budget');
  const trpc = useTRPC();
  const money = useMoney();
  const list = useQuery(trpc.budget.listBudgetItems.queryOptions({ tripId }));
  const perPerson = useQuery(trpc.budget.getBudgetPerPerson.queryOptions({ tripId }));
  const settlement = useQuery(trpc.budget.getBudgetSettlement.queryOptions({ tripId }));
  const summary = useQuery(trpc.trips.getTripSummary.queryOptions({ tripId }));
  const people: Person[] = useMemo(() => (summary.data?.members ?? []).map((m) => ({ id: m.id, displayName: m.displayName })), [summary.data]);
  const [category, setCategory] = useState('');
  const [person, setPerson] = useState('');
  const [editing, setEditing] = useState<{ item?: Item } | null>(null);
  const [toDelete, setToDelete] = useState<Item | null>(null);
  const queryClient = useQueryClient();
  // Our own changes do not come back over the realtime channel: refetch the budget views ourselves.
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.budget.pathKey() });
  const remove = useMutation(
    trpc.budget.deleteBudgetItem.mutationOptions(thenRefresh(() => setToDelete(null), refresh)),
  );

  if (list.isLoading) return <Spinner label={t('loading')} />;
  if (list.error || !list.data) {
    return <TabLoadError error={list.error} t={t} onRetry={() => void list.refetch()} />;
  }
  const data = list.data;
  const personId = Number(person) || null;
  const shown = data.items.filter(
    (i) => (!category || i.category === category) && (!personId || i.members.some((m) => m.userId === personId) || i.payers.some((p) => p.userId === personId)),
  );
  const currency = data.tripCurrency;

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" data-testid="budget-tab">
      <section aria-labelledby="budget-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="budget-heading" className="text-base font-semibold text-slate-900">
            {t('heading')}
            {perPerson.data && (
              <span className="ms-2 text-sm font-normal text-slate-600" data-testid="budget-total">
                {t('total')}: {money(perPerson.data.total.amountMinor, currency)}
              </span>
            )}
          </h2>
          <Button variant="primary" onClick={() => setEditing({})}>
            {t('add')}
          </Button>
        </div>
        {data.items.length === 0 ? (
          <EmptyState title={t('empty')} />
        ) : (
          <>
            <div className="mt-3 grid gap-2 sm:grid-cols-2">
              <SelectField label={t('filters.category')} value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">{t('filters.allCategories')}</option>
                {data.categories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('filters.person')} value={person} onChange={(e) => setPerson(e.target.value)}>
                <option value="">{t('filters.everyone')}</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                  </option>
                ))}
              </SelectField>
            </div>
            {shown.length === 0 ? (
              <p className="mt-3 text-sm text-slate-500">{t('filters.noMatch')}</p>
            ) : (
              <ul className="mt-3 space-y-2">
                {shown.map((item) => (
                  <li key={item.id} data-testid="budget-item" className="flex items-start gap-3 rounded-lg border border-slate-100 bg-slate-50 p-3">
                    <div className="min-w-0 flex-1 text-sm">
                      <p className="flex flex-wrap justify-between gap-2">
                        <span className="truncate font-medium text-slate-900">{item.name}</span>
                        <span className="font-semibold tabular-nums text-slate-900">{money(item.amountMinor, item.currency)}</span>
                      </p>
                      <p className="text-xs text-slate-600">
                        {item.category}
                        {item.expenseDate ? ` · ${item.expenseDate}` : ''}
                        {item.members.length > 0 ? ` · ${t('item.splitCount', { count: item.members.length })}` : ''}
                      </p>
                      <p className="text-xs text-slate-600">
                        {item.payers.length ? t('item.paidBy', { names: item.payers.map((p) => p.displayName).join(', ') }) : t('item.unpaid')}
                      </p>
                    </div>
                    <Button size="sm" variant="ghost" onClick={() => setEditing({ item })} aria-label={`${t('edit')}: ${item.name}`}>
                      {t('edit')}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setToDelete(item)} aria-label={`${t('delete')}: ${item.name}`}>
                      {t('delete')}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <div className="space-y-4">
        <SettlementPanel tripId={tripId} settlement={settlement.data} error={settlement.error} money={money} onChanged={refresh} />
        <PeoplePanel figures={perPerson.data} money={money} />
        <RatesPanel tripId={tripId} list={data} onChanged={refresh} />
      </div>

      {editing && (
        <ExpenseDialog
          tripId={tripId}
          item={editing.item}
          list={data}
          people={people}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await refresh();
          }}
        />
      )}
      <ConfirmDialog
        open={!!toDelete}
        title={t('deleteTitle')}
        message={t('deleteMessage', { name: toDelete?.name ?? '' })}
        confirmLabel={t('delete')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => toDelete && remove.mutate({ tripId, itemId: toDelete.id })}
        onCancel={() => setToDelete(null)}
      />
    </div>
  );
}

type Money = (minor: number, currency: string) => string;

type Settlement = {
  currency: string;
  flows: Array<{ from: Person; to: Person; amount: string; amountMinor: number }>;
  payments: Array<{ id: number; from: Person; to: Person; amountMinor: number; currency: string; createdAt: string }>;
  missingRates: string[];
};

/**
 * Who pays whom, each transfer with "Mark settled" (asks first, then records the payment so the list shrinks), and
 * the payments recorded so far, each with Undo.
 */
function SettlementPanel({ tripId, settlement, error, money, onChanged }: { tripId: number; settlement?: Settlement; error: unknown; money: Money; onChanged(): Promise<unknown> }) {
  const { t, i18n } = useTranslation('budget');
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState<Settlement['flows'][number] | null>(null);
  const record = useMutation(
    trpc.budget.recordBudgetSettlement.mutationOptions(thenRefresh(() => setConfirming(null), onChanged)),
  );
  const undo = useMutation(trpc.budget.deleteBudgetSettlement.mutationOptions({ onSuccess: () => onChanged() }));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <section aria-labelledby="settlement-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="settlement-heading" className="text-base font-semibold text-slate-900">
        {t('settlement.heading')}
      </h2>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(error, t)}
        </p>
      ) : !settlement ? (
        <Spinner size="sm" label={t('loading')} />
      ) : settlement.flows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t('settlement.square')}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm" data-testid="settlement">
          {settlement.flows.map((f) => (
            <li key={`${f.from.id}-${f.to.id}`} className="flex flex-wrap items-center justify-between gap-2 rounded bg-amber-50 px-2 py-1 text-slate-900">
              <span>{t('settlement.transfer', { from: f.from.displayName, to: f.to.displayName, amount: money(f.amountMinor, settlement.currency) })}</span>
              <Button size="sm" onClick={() => setConfirming(f)}>
                {t('settlement.markSettled')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {undo.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(undo.error, t)}
        </p>
      )}
      {settlement && settlement.payments.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-medium text-slate-700">{t('settlement.recordedHeading')}</h3>
          <ul className="mt-1 space-y-1 text-sm" data-testid="settlement-payments">
            {settlement.payments.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 rounded bg-emerald-50 px-2 py-1 text-slate-800">
                <span>
                  {t('settlement.paid', { from: p.from.displayName, to: p.to.displayName, amount: money(p.amountMinor, p.currency) })}{' '}
                  <span className="text-xs text-slate-500">{date.format(new Date(p.createdAt))}</span>
                </span>
                <Button size="sm" variant="ghost" disabled={undo.isPending} onClick={() => undo.mutate({ tripId, settlementId: p.id })}>
                  {t('settlement.undo')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {settlement && settlement.missingRates.length > 0 && (
        <p className="mt-2 text-xs text-amber-700">{t('settlement.missingRates', { currencies: settlement.missingRates.join(', ') })}</p>
      )}
      {confirming && settlement && (
        <ConfirmDialog
          open
          title={t('settlement.confirmTitle')}
          message={t('settlement.confirmBody', { from: confirming.from.displayName, to: confirming.to.displayName, amount: money(confirming.amountMinor, settlement.currency) })}
          confirmLabel={t('settlement.markSettled')}
          cancelLabel={t('cancel')}
          busy={record.isPending}
          error={record.error ? errorMessage(record.error, t) : null}
          onCancel={() => {
            setConfirming(null);
            record.reset();
          }}
          onConfirm={() => record.mutate({ tripId, fromUserId: confirming.from.id, toUserId: confirming.to.id, amount: confirming.amount, currency: settlement.currency })}
        />
      )}
    </section>
  );
}

interface PerPerson {
  currency: string;
  byCategory: Array<{ category: string; amountMinor: number }>;
  people: Array<{ userId: number; displayName: string; consumedMinor: number; paidMinor: number; balanceMinor: number }>;
}

/** Horizontal bars (plain CSS): people would rather look than read; the figure stays next to each bar. */
function Bars({ title, rows, money, currency }: { title: string; rows: Array<{ key: string; label: string; value: number }>; money: Money; currency: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="mt-3">
      <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
      <ul className="mt-1 space-y-1">
        {rows.map((r) => (
          <li key={r.key} className="grid grid-cols-[7rem_1fr_auto] items-center gap-2 text-xs">
            <span className="truncate text-slate-700">{r.label}</span>
            <span className="h-3 rounded bg-slate-100" aria-hidden>
              <span className="block h-3 rounded bg-indigo-500" style={{ width: `${(r.value / max) * 100}%` }} />
            </span>
            <span className="tabular-nums text-slate-900">{money(r.value, currency)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function PeoplePanel({ figures, money }: { figures?: PerPerson; money: Money }) {
  const { t } = useTranslation('budget');
  if (!figures || figures.people.length === 0) return null;
  const c = figures.currency;
  return (
    <section aria-labelledby="people-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="people-heading" className="text-base font-semibold text-slate-900">
        {t('people.heading')}
      </h2>
      <table className="mt-2 w-full text-sm" data-testid="budget-people">
        <thead>
          <tr className="text-start text-xs text-slate-500">
            <th scope="col" className="text-start font-medium">{t('people.person')}</th>
            <th scope="col" className="text-end font-medium">{t('people.consumed')}</th>
            <th scope="col" className="text-end font-medium">{t('people.paid')}</th>
            <th scope="col" className="text-end font-medium">{t('people.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.people.map((p) => (
            <tr key={p.userId} className="border-t border-slate-100">
              <th scope="row" className="py-1 text-start font-normal">{p.displayName}</th>
              <td className="text-end tabular-nums">{money(p.consumedMinor, c)}</td>
              <td className="text-end tabular-nums">{money(p.paidMinor, c)}</td>
              <td className={`text-end tabular-nums ${p.balanceMinor < 0 ? 'text-red-700' : p.balanceMinor > 0 ? 'text-emerald-700' : ''}`}>{money(p.balanceMinor, c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Bars title={t('chart.byCategory')} rows={figures.byCategory.map((x) => ({ key: x.category, label: x.category, value: x.amountMinor }))} money={money} currency={c} />
      <Bars title={t('chart.byPerson')} rows={figures.people.map((p) => ({ key: String(p.userId), label: p.displayName, value: p.consumedMinor }))} money={money} currency={c} />
    </section>
  );
}

function RatesPanel({ tripId, list, onChanged }: { tripId: number; list: BudgetList; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation('budget');
  const trpc = useTRPC();
  const used = [...new Set(list.items.map((i) => i.currency))].filter((c) => c !== list.tripCurrency);
  const [currency, setCurrency] = useState(used[0] ?? 'USD');
  const [rate, setRate] = useState('');
  const save = useMutation(trpc.budget.setBudgetRate.mutationOptions({ onSuccess: () => onChanged().then(() => setRate('')) }));
  const remove = useMutation(trpc.budget.deleteBudgetRate.mutationOptions({ onSuccess: () => onChanged() }));
  const fetchRates = useMutation(trpc.budget.fetchBudgetRates.mutationOptions({ onSuccess: () => onChanged() }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ tripId, currency, rate });
  };
  return (
    <section aria-labelledby="rates-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="rates-heading" className="text-base font-semibold text-slate-900">
        {t('rates.heading')}
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {list.rates.map((r) => (
          <li key={r.currency} className="flex items-center justify-between gap-2">
            <span>
              1 {r.currency} = {r.rate} {r.tripCurrency}
              {r.stale && <span className="ms-1 text-xs text-amber-700">({t('rates.stale', { tripCurrency: r.tripCurrency })})</span>}
            </span>
            <Button size="sm" variant="ghost" onClick={() => remove.mutate({ tripId, currency: r.currency })}>
              {t('rates.remove', { currency: r.currency })}
            </Button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="mt-2 grid grid-cols-[auto_1fr_auto] items-end gap-2">
        <SelectField label={t('rates.currency')} value={currency} onChange={(e) => setCurrency(e.target.value)}>
          {currencyOptions(currency)
            .filter((c) => c !== list.tripCurrency)
            .map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
        </SelectField>
        <TextField label={t('rates.rate')} hint={t('rates.explain', { currency, tripCurrency: list.tripCurrency })} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} required />
        <Button type="submit" busy={save.isPending}>
          {t('rates.save')}
        </Button>
      </form>
      {save.error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {errorMessage(save.error, t)}
        </p>
      )}
      {used.length > 0 && (
        <div className="mt-3 border-t border-slate-100 pt-3">
          <Button size="sm" busy={fetchRates.isPending} onClick={() => fetchRates.mutate({ tripId })} data-testid="fetch-rates">
            {t('rates.fetch')}
          </Button>
          <p className="mt-1 text-xs text-slate-500">{t('rates.fetchHint')}</p>
          {fetchRates.data && (
            <p role="status" className="mt-1 text-xs text-emerald-700">
              {fetchRates.data.updated.length > 0 ? t('rates.fetched', { currencies: fetchRates.data.updated.join(', ') }) : null}
              {fetchRates.data.unknown.length > 0 ? ` ${t('rates.unknown', { currencies: fetchRates.data.unknown.join(', ') })}` : null}
            </p>
          )}
          {fetchRates.error && (
            <p role="alert" className="mt-1 text-xs text-red-700">
              {errorMessage(fetchRates.error, t)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

interface MemberDraft {
  included: boolean;
  shares: string;
  amount: string;
  paid: boolean;
}

/** Minor units of a typed amount, or null while it is not a valid amount yet. */
function tryAmount(text: string, currency: string) {
  try {
    return text.trim() === '' ? null : parseAmount(text, currency);
  } catch {
    return null;
  }
}

function ExpenseDialog({
  tripId,
  item,
  list,
  people,
  onClose,
  onSaved,
}: {
  tripId: number;
  item?: Item;
  list: BudgetList;
  people: Person[];
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { t } = useTranslation('budget');
  const trpc = useTRPC();
  const money = useMoney();
  const [name, setName] = useState(item?.name ?? '');
  const [category, setCategory] = useState(item?.category ?? 'Other');
  const [amount, setAmount] = useState(item?.totalPrice ?? '');
  const [currency, setCurrency] = useState(item?.currency ?? list.tripCurrency);
  const [date, setDate] = useState(item?.expenseDate ?? '');
  const [note, setNote] = useState(item?.note ?? '');
  const [mode, setMode] = useState<SplitMode>(item?.splitMode ?? 'equal');
  const [members, setMembers] = useState<Record<number, MemberDraft>>(() =>
    Object.fromEntries(
      people.map((p) => {
        const m = item?.members.find((x) => x.userId === p.id);
        return [p.id, { included: item ? !!m : true, shares: String(m?.weight ?? 1), amount: m?.fixedAmount ?? '', paid: m?.paid ?? false }];
      }),
    ),
  );
  const [payers, setPayers] = useState<number[]>(item?.payers.map((p) => p.userId) ?? []);
  const create = useMutation(trpc.budget.createBudgetItemWithMembers.mutationOptions({ onSuccess: () => onSaved() }));
  const update = useMutation(trpc.budget.updateBudgetItem.mutationOptions({ onSuccess: () => onSaved() }));
  const busy = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const total = tryAmount(String(amount), currency);
  const included = people.filter((p) => members[p.id]?.included);
  // The live sum check of a split by amounts (the server checks the same rule).
  const amountsSum = mode === 'amounts' ? included.reduce((sum, p) => sum + (tryAmount(members[p.id].amount, currency) ?? 0), 0) : null;
  const sumOk = amountsSum === null || (total !== null && amountsSum === total);
  const setMember = (id: number, change: Partial<MemberDraft>) => setMembers((all) => ({ ...all, [id]: { ...all[id], ...change } }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!sumOk) return;
    const split = included.map((p) => ({
      userId: p.id,
      paid: members[p.id].paid,
      ...(mode === 'shares' ? { shares: Number(members[p.id].shares) || 0 } : {}),
      ...(mode === 'amounts' ? { amount: members[p.id].amount || '0' } : {}),
    }));
    const fields = {
      tripId,
      name,
      category: category.trim() || 'Other',
      totalPrice: String(amount),
      currency,
      expenseDate: date || null,
      note,
      splitMode: mode,
      members: split,
      payers: payers.map((userId) => ({ userId })),
    };
    if (item) update.mutate({ ...fields, itemId: item.id });
    else create.mutate(fields);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      dismissable={!busy}
      size="lg"
      title={item ? t('form.editTitle') : t('form.addTitle')}
      testId="expense-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('form.cancel')}
          </Button>
          <Button variant="primary" type="submit" form="expense-form" busy={busy} disabled={!sumOk}>
            {t('form.save')}
          </Button>
        </>
      }
    >
      <form id="expense-form" onSubmit={submit} className="space-y-3">
        <TextField label={t('form.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} data-autofocus />
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField label={t('form.amount')} value={amount} onChange={(e) => setAmount(e.target.value)} required inputMode="decimal" />
          <SelectField label={t('form.currency')} value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {currencyOptions(currency).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
          <TextField label={t('form.category')} value={category} onChange={(e) => setCategory(e.target.value)} list="budget-categories" maxLength={100} />
          <datalist id="budget-categories">
            {list.categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <DateField label={t('form.date')} value={date} onChange={setDate} />
          <TextField label={t('form.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </div>

        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t('form.payers')}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {people.map((p) => (
              <label key={p.id} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={payers.includes(p.id)}
                  onChange={(e) => setPayers((all) => (e.target.checked ? [...all, p.id] : all.filter((x) => x !== p.id)))}
                />
                {p.displayName}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t('form.split')}</legend>
          <div className="mt-1 flex flex-wrap gap-3" role="radiogroup">
            {(['equal', 'shares', 'amounts'] as const).map((m) => (
              <label key={m} className="flex items-center gap-1 text-sm">
                <input type="radio" name="split-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {t(m === 'equal' ? 'form.modeEqual' : m === 'shares' ? 'form.modeShares' : 'form.modeAmounts')}
              </label>
            ))}
          </div>
          <ul className="mt-2 space-y-1">
            {people.map((p) => {
              const d = members[p.id];
              return (
                <li key={p.id} className="flex flex-wrap items-center gap-3 text-sm" data-testid="split-member">
                  <label className="flex min-w-32 items-center gap-1">
                    <input type="checkbox" checked={d.included} onChange={(e) => setMember(p.id, { included: e.target.checked })} aria-label={t('form.include', { name: p.displayName })} />
                    {p.displayName}
                  </label>
                  {d.included && mode === 'shares' && (
                    <input className="w-20 rounded border border-slate-300 px-2 py-1" type="number" min={0} value={d.shares} onChange={(e) => setMember(p.id, { shares: e.target.value })} aria-label={t('form.shares', { name: p.displayName })} />
                  )}
                  {d.included && mode === 'amounts' && (
                    <input className="w-28 rounded border border-slate-300 px-2 py-1" inputMode="decimal" value={d.amount} onChange={(e) => setMember(p.id, { amount: e.target.value })} aria-label={t('form.amountOf', { name: p.displayName })} />
                  )}
                  {d.included && (
                    <label className="flex items-center gap-1 text-xs text-slate-600">
                      <input type="checkbox" checked={d.paid} onChange={(e) => setMember(p.id, { paid: e.target.checked })} />
                      {t('form.repaid')}
                    </label>
                  )}
                </li>
              );
            })}
          </ul>
          {included.length === 0 && <p className="mt-1 text-xs text-slate-500">{t('form.noMembers')}</p>}
          {amountsSum !== null && (
            <p role="status" aria-live="polite" className={`mt-1 text-xs ${sumOk ? 'text-emerald-700' : 'text-red-700'}`} data-testid="split-sum">
              {sumOk ? t('form.sumOk') : t('form.sumOff', { sum: money(amountsSum, currency), total: money(total ?? 0, currency) })}
            </p>
          )}
        </fieldset>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(error, t)}
          </p>
        )}
      </form>
    </Dialog>
  );
}
