/**
 * The JSON bodies of Confluent's Schema Registry REST API, one record per shape, shared by our client and our server so
 * both speak the same wire.
 */
package io.learnstream.schemas.registry.rest;
