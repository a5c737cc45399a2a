module.exports = require('./figures-summary').TestCountsReporter;
