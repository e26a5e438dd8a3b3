/**
 * Who this device is: {@link org.iotgateway.identity.DeviceId} derives the id behind
 * {@code gateway.id: auto} from the machine (an id file, the Raspberry Pi's serial number, the
 * machine id), so a fleet flashed from one image gets one identity per device.
 */
package org.iotgateway.identity;
