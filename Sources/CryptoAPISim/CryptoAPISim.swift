// The CryptoAPISim module.
