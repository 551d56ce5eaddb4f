// A running return job's page: asks for the job's progress every 2 seconds and shows it in place
// (the status is a polite live region), then reloads the page once when the job has ended so its
// outcome, counts, problems and files appear. Without JavaScript the page has a link to refresh it.
const live = document.querySelector('[data-job-progress]')
if (live) {
  const url = live.getAttribute('data-job-progress')
  const bar = document.getElementById('job-progress')
  const label = document.getElementById('job-progress-label')
  const stage = document.getElementById('job-stage')
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      if (!response.ok) {
        return
      }

      const job = await response.json()
      if (!job.active) {
        window.location.reload()
        return
      }

      if (stage && stage.textContent !== job.stage) {
        stage.textContent = job.stage
      }

      if (bar && typeof job.percent === 'number') {
        bar.value = job.percent
        bar.textContent = job.percent + '%'
        if (label) {
          label.textContent = 'Progress: ' + job.percent + '%'
        }
      }
    } finally {
      window.setTimeout(poll, 2000)
    }
  }

  window.setTimeout(poll, 2000)
}
