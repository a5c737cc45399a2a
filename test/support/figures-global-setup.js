module.exports = require('./figures-summary').setup;
