// The GOV.UK page template runs this inline at the start of <body>. Lantern's Content-Security-Policy
// allows no inline script, so it is a classic (blocking) script file instead; it must stay the first
// thing in <body> so components are styled for JavaScript before first paint.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
