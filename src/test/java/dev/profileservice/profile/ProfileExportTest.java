package dev.profileservice.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.profileservice.address.Address;
import dev.profileservice.address.AddressService;

/** One answer holds at most the ceiling of addresses, and says so when the partition holds more. */
class ProfileExportTest {

    private static List<Address> addresses(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Address("id-" + i, null, "line " + i, null, "City", "1", "NL"))
                .toList();
    }

    @Test
    void upToTheCeilingEveryAddressIsThereAndNothingIsSaid() {
        ProfileExport export = ProfileExport.of(null, addresses(AddressService.EXPORT_CEILING));
        assertEquals(AddressService.EXPORT_CEILING, export.addresses().size());
        assertNull(export.addressesTruncated());
    }

    @Test
    void pastTheCeilingTheAnswerSaysItIsTruncated() {
        ProfileExport export = ProfileExport.of(null, addresses(AddressService.EXPORT_CEILING + 1));
        assertEquals(AddressService.EXPORT_CEILING, export.addresses().size());
        assertTrue(export.addressesTruncated());
    }
}
