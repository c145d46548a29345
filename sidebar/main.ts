// Placeholder sidebar script: marks the page as loaded so tests can tell the script ran.
document.documentElement.dataset.ready = 'true';
