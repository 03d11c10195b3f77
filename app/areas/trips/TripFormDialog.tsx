// Create or edit a trip: title, description, dates and currency. Editing dates that would drop days holding places or
// notes asks first (the server answers errors.dropDaysNeedsConfirmation) and resends with confirmDropDays.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Button, ConfirmDialog, DateField, Dialog, SelectField, TextAreaField, TextField } from '~/components/ui';
import { currencyLabel, currencyOptions, defaultCurrencyFor } from './currencies';
import type { TripDetails } from './types';


interface Props {
  open: boolean;
  onClose(): void;
  /** The trip to edit; without it the dialog creates a new trip. */
  trip?: Pick<TripDetails, 'id' | 'title' | 'description' | 'startDate' | 'endDate' | 'currency'>;
}

interface Values {
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  currency: string;
}

type Errors = Partial<Record<keyof Values, string>>;

function dropDaysCount(error: unknown): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  const i18n = (error.data as { i18n?: { key: string; params?: { count?: number } } } | undefined)?.i18n;
  return i18n?.key === 'errors.dropDaysNeedsConfirmation' ? Number(i18n.params?.count ?? 1) : null;
}

export function TripFormDialog({ open, onClose, trip }: Props) {
  const { t, i18n } = useTranslation('trips');
  const locale = i18n.language;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const editing = !!trip;

  const initial = (): Values => ({
    title: trip?.title ?? '',
    description: trip?.description ?? '',
    startDate: trip?.startDate ?? '',
    endDate: trip?.endDate ?? '',
    currency: trip?.currency ?? defaultCurrencyFor(locale),
  });
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [dropCount, setDropCount] = useState<number | null>(null);

  useEffect(() => {
    if (open) {
      setValues(initial());
      setErrors({});
      setDropCount(null);
    }
    // Reset only when the dialog opens (or is pointed at another trip), not on every edit of the props object.
  }, [open, trip?.id]);

  const afterSave = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.trips.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.places.pathKey() });
    setDropCount(null);
    onClose();
  };

  const create = useMutation(trpc.trips.createTrip.mutationOptions({ onSuccess: afterSave }));
  const update = useMutation(
    trpc.trips.updateTrip.mutationOptions({
      onSuccess: afterSave,
      onError: (error) => {
        const count = dropDaysCount(error);
        if (count !== null) setDropCount(count);
      },
    }),
  );
  const busy = create.isPending || update.isPending;
  const failure = create.error ?? (update.error && dropDaysCount(update.error) === null ? update.error : null);

  const set = (key: keyof Values) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const validate = (): Errors => {
    const found: Errors = {};
    if (!values.title.trim()) found.title = t('form.errors.titleRequired');
    if (!!values.startDate !== !!values.endDate) {
      found[values.startDate ? 'endDate' : 'startDate'] = t('form.errors.bothDates');
    } else if (values.startDate && values.endDate < values.startDate) {
      found.endDate = t('form.errors.endBeforeStart');
    }
    return found;
  };

  const send = (confirmDropDays: boolean) => {
    const dates = { startDate: values.startDate || null, endDate: values.endDate || null };
    const base = { title: values.title.trim(), description: values.description, currency: values.currency };
    if (!trip) {
      create.mutate({ ...base, ...dates });
      return;
    }
    const datesChanged = dates.startDate !== trip.startDate || dates.endDate !== trip.endDate;
    update.mutate({ tripId: trip.id, ...base, ...(datesChanged ? dates : {}), confirmDropDays });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length === 0) send(false);
  };

  return (
    <>
      <Dialog
        open={open}
        onClose={onClose}
        dismissable={!busy}
        title={editing ? t('form.editTitle') : t('form.createTitle')}
        testId="trip-form-dialog"
        footer={
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" form={formId} variant="primary" busy={busy}>
              {editing ? t('common:actions.save') : t('form.submitCreate')}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
          <TextField
            label={t('form.title')}
            name="title"
            value={values.title}
            onChange={set('title')}
            error={errors.title}
            required
            maxLength={200}
            autoComplete="off"
            placeholder={t('form.titlePlaceholder')}
          />
          <TextAreaField
            label={t('form.description')}
            name="description"
            value={values.description}
            onChange={set('description')}
            maxLength={5000}
            rows={3}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <DateField
              label={t('form.startDate')}
              name="startDate"
              value={values.startDate}
              onChange={(value) => set('startDate')({ target: { value } })}
              error={errors.startDate}
            />
            <DateField
              label={t('form.endDate')}
              name="endDate"
              value={values.endDate}
              min={values.startDate || undefined}
              onChange={(value) => set('endDate')({ target: { value } })}
              error={errors.endDate}
            />
          </div>
          <p className="-mt-2 text-xs text-slate-500">{t('form.datesHint')}</p>
          <SelectField label={t('form.currency')} name="currency" value={values.currency} onChange={set('currency')}>
            {currencyOptions(values.currency).map((code) => (
              <option key={code} value={code}>
                {currencyLabel(code, locale)}
              </option>
            ))}
          </SelectField>
          {failure && (
            <p role="alert" className="text-sm text-red-700">
              {errorMessage(failure, t)}
            </p>
          )}
        </form>
      </Dialog>
      <ConfirmDialog
        open={dropCount !== null}
        title={t('form.dropDays.title')}
        message={t('form.dropDays.message', { count: dropCount ?? 0 })}
        confirmLabel={t('form.dropDays.confirm')}
        danger
        busy={update.isPending}
        onConfirm={() => send(true)}
        onCancel={() => setDropCount(null)}
      />
    </>
  );
}
