// Settings → Profile → "Delete account" (decision 037): download the data first, choose for each owned trip whether a
// member gets it or it is deleted (no default), confirm with the password (single sign-on: the e-mail address), then
// a last "are you sure?" — and the login page.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, TextField, buttonClasses } from '~/components/ui';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { TripChoiceFields, allTripsChosen, tripChoicesInput, type TripChoiceMap } from './TripChoices';

export function DeleteAccount() {
  const { t } = useTranslation('account');
  const trpc = useTRPC();
  const plan = useQuery(trpc.account.deletionPlan.queryOptions());
  const [choices, setChoices] = useState<TripChoiceMap>({});
  const [confirmation, setConfirmation] = useState('');
  const [asking, setAsking] = useState(false);
  const remove = useMutation(trpc.account.deleteAccount.mutationOptions({ onSuccess: () => window.location.assign('/login') }));
  const trips = plan.data?.trips ?? [];
  const allChosen = allTripsChosen(trips, choices);
  const ready = !!plan.data && !plan.data.lastAdmin && allChosen && confirmation.trim() !== '';
  const submit = () =>
    remove.mutate({
      confirmation,
      trips: tripChoicesInput(trips, choices),
    });

  return (
    <section aria-labelledby="delete-account-heading" className="rounded-lg border border-red-200 bg-white p-5 shadow-sm" data-testid="delete-account">
      <h2 id="delete-account-heading" className="text-lg font-semibold text-slate-900">
        {t('delete.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('delete.intro')}</p>
      <a href="/api/account/export" download className={`mt-3 ${buttonClasses('secondary', 'sm')}`}>
        {t('delete.exportFirst')}
      </a>
      {plan.isPending ? (
        <p className="mt-4 text-sm text-slate-500" role="status">
          {t('delete.loading')}
        </p>
      ) : plan.isError ? (
        <p className="mt-4 text-sm text-red-700" role="alert">
          {errorMessage(plan.error, t)}
        </p>
      ) : plan.data.lastAdmin ? (
        <p className="mt-4 text-sm text-amber-800" role="note">
          {t('delete.lastAdmin')}
        </p>
      ) : (
        <form
          className="mt-4 space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) setAsking(true);
          }}
        >
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-slate-800">{t('delete.tripsHeading')}</legend>
            {trips.length === 0 && <p className="text-sm text-slate-500">{t('delete.noTrips')}</p>}
            <TripChoiceFields trips={trips} choices={choices} onChange={setChoices} idPrefix="delete-trip" />
          </fieldset>
          <TextField
            id="delete-confirmation"
            label={plan.data.confirmWith === 'password' ? t('delete.password') : t('delete.passwordOrEmail')}
            type={plan.data.confirmWith === 'password' ? 'password' : 'text'}
            autoComplete={plan.data.confirmWith === 'password' ? 'current-password' : 'off'}
            required
            maxLength={500}
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
          />
          {!allChosen && <p className="text-sm text-slate-600">{t('delete.chooseAll')}</p>}
          <Button type="submit" variant="danger" disabled={!ready}>
            {t('delete.button')}
          </Button>
        </form>
      )}
      <ConfirmDialog
        open={asking}
        danger
        title={t('delete.confirmTitle')}
        message={t('delete.confirmBody')}
        confirmLabel={t('delete.confirm')}
        busy={remove.isPending || remove.isSuccess}
        error={remove.isError ? errorMessage(remove.error, t) : null}
        onCancel={() => {
          setAsking(false);
          remove.reset();
        }}
        onConfirm={submit}
      />
    </section>
  );
}
