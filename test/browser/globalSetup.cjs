module.exports = require('./sharedChromium.cjs').setup;
