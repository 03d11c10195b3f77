#!/bin/sh
echo "schema engine is not available offline; migrations are SQL files applied by the app (npm run db:migrate)" >&2
exit 1
