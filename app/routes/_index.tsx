import { useTranslation } from 'react-i18next';

export default function Index() {
  const { t } = useTranslation('common');
  return <main className="p-8"><h1 className="text-2xl font-bold">{t('appName', 'Waymark')}</h1></main>;
}
