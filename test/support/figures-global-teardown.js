module.exports = require('./figures-summary').teardown;
