// Loaded with type="module" at the end of <body>. GOV.UK Frontend 6 and MOJ Frontend 11 are ES modules.
// Imports are relative to this file so the site also works under a path base.
import { initAll as initGovukFrontend } from '../lib/govuk-frontend/govuk-frontend.min.js'
import { initAll as initMojFrontend } from '../lib/moj-frontend/moj-frontend.min.js'

initGovukFrontend()
initMojFrontend()
