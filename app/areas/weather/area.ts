// Weather for a trip's days and for one place and date (Open-Meteo). Read-only: no events, nothing to copy.
import { defineArea } from '../area';
import { weatherRouter } from './procedures.server';

export const weatherArea = defineArea({ id: 'weather', router: weatherRouter, namespaces: ['weather'] });
