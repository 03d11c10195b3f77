// Settings → Profile → "Delete account" (decision 037): download the data first, choose for each owned trip whether a
// member gets it or it is deleted (no default), confirm with the password, then a last "are you sure?" — and the login
// page. An account that signs in through single sign-on confirms at its provider instead (decision 041): the choices
// wait in sessionStorage while the browser is away, and back here the last dialog opens.
import { useSearchParams } from '@remix-run/react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, TextField, buttonClasses } from '~/components/ui';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { TripChoiceFields, allTripsChosen, tripChoicesInput, type TripChoiceMap } from './TripChoices';

const SAVED_CHOICES = 'waymark.deleteAccount.choices';

export function DeleteAccount() {
  const { t } = useTranslation('account');
  const trpc = useTRPC();
  const plan = useQuery(trpc.account.deletionPlan.queryOptions());
  const [choices, setChoices] = useState<TripChoiceMap>({});
  const [confirmation, setConfirmation] = useState('');
  const [asking, setAsking] = useState(false);
  const stepUpForm = useRef<HTMLFormElement>(null);
  const [searchParams, setSearchParams] = useSearchParams();
  const [stepUpError, setStepUpError] = useState<string | null>(null);
  const remove = useMutation(trpc.account.deleteAccount.mutationOptions({ onSuccess: () => window.location.assign('/login') }));
  const trips = plan.data?.trips ?? [];
  const allChosen = allTripsChosen(trips, choices);
  const viaProvider = plan.data?.confirmWith === 'provider';
  const confirmed = viaProvider && !!plan.data?.confirmedUntil;
  const ready = !!plan.data && !plan.data.lastAdmin && allChosen && (viaProvider || confirmation.trim() !== '');
  const submit = () =>
    remove.mutate({
      confirmation: viaProvider ? undefined : confirmation,
      trips: tripChoicesInput(trips, choices),
    });

  // Back from the provider (once): the choices made before leaving return, a fresh confirmation opens the last dialog,
  // a refusal is shown, and the address loses its ?stepup so a reload does not repeat this.
  const returned = searchParams.get('stepup') === 'done' || searchParams.has('stepup_error');
  useEffect(() => {
    if (!returned || !plan.data) return;
    const saved = sessionStorage.getItem(SAVED_CHOICES);
    sessionStorage.removeItem(SAVED_CHOICES);
    const restored: TripChoiceMap = saved ? JSON.parse(saved) : {};
    setChoices(restored);
    setStepUpError(searchParams.get('stepup_error'));
    if (plan.data.confirmedUntil && allTripsChosen(plan.data.trips, restored)) setAsking(true);
    setSearchParams({}, { replace: true, preventScrollReset: true });
  }, [returned, plan.data, searchParams, setSearchParams]);
  const leaveForProvider = () => {
    sessionStorage.setItem(SAVED_CHOICES, JSON.stringify(choices));
    stepUpForm.current?.submit();
  };

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
            if (!ready) return;
            if (viaProvider && !confirmed) leaveForProvider();
            else setAsking(true);
          }}
        >
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-slate-800">{t('delete.tripsHeading')}</legend>
            {trips.length === 0 && <p className="text-sm text-slate-500">{t('delete.noTrips')}</p>}
            <TripChoiceFields trips={trips} choices={choices} onChange={setChoices} idPrefix="delete-trip" />
          </fieldset>
          {viaProvider ? (
            <p className="text-sm text-slate-600" data-testid="delete-step-up-status">
              {confirmed ? t('delete.providerConfirmed', { provider: plan.data.provider }) : t('delete.providerExplained', { provider: plan.data.provider })}
            </p>
          ) : (
            <TextField
              id="delete-confirmation"
              label={t('delete.password')}
              type="password"
              autoComplete="current-password"
              required
              maxLength={500}
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
            />
          )}
          {stepUpError && (
            <p className="text-sm text-red-700" role="alert" data-testid="delete-step-up-error">
              {t(`security:sso.errors.${stepUpError}`, { defaultValue: t('security:sso.errors.failed') })}
            </p>
          )}
          {!allChosen && <p className="text-sm text-slate-600">{t('delete.chooseAll')}</p>}
          <Button type="submit" variant="danger" disabled={!ready}>
            {viaProvider && !confirmed ? t('delete.confirmWithProvider', { provider: plan.data.provider }) : t('delete.button')}
          </Button>
        </form>
      )}
      {viaProvider && (
        // a plain form: the browser goes to the provider's sign-in page and comes back to Settings
        <form ref={stepUpForm} method="post" action="/auth/oidc/start" hidden>
          <input type="hidden" name="purpose" value="reauthenticate" />
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
