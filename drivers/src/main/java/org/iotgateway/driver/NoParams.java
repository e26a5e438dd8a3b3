package org.iotgateway.driver;

/** The parameter record of a driver level that takes no parameters: any key given is an error. */
public record NoParams() {
}
