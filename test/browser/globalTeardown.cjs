module.exports = require('./sharedChromium.cjs').teardown;
