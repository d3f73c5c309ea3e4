<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>massho::records::Certificate</name>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>title</source>
        <translation>Data Erasure Certificate</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>reissue</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>statement</source>
        <translation>This certifies that the data on the medium below was erased as described and recorded in the signed register.</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>number</source>
        <translation>Certificate No.</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>issued_at</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>issued_by</source>
        <translation>Issued by (records officer)</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>register</source>
        <translation>Issuing register</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>software</source>
        <translation>Appliance software</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>section_medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>manufacturer</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>serial</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>media_type</source>
        <translation>Media type</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>asset</source>
        <translation>Asset tag</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>section_erasure</source>
        <translation>Erasure</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>class</source>
        <translation>Information class</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>purpose_disposal</source>
        <translation>Disposal</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>purpose_lease-return</source>
        <translation>Lease return</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>purpose_reuse</source>
        <translation>Reuse</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>passes</source>
        <translation>Passes</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>nist</source>
        <translation>NIST SP 800-88 level achieved</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>nist_clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>nist_purge</source>
        <translation>Purge</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_advice</source>
        <translation>Flash media reached Clear only: destroy the medium physically</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verify_full</source>
        <translation>full</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verify_sample</source>
        <translation>sample</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verify_none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verify_passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verify_not-run</source>
        <translation>not run</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>requester</source>
        <translation>Requester</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>approver</source>
        <translation>Approving data manager</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>error_ranges</source>
        <translation>Error ranges</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>section_register</source>
        <translation>Signed register</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>index</source>
        <translation>Register index</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>entry_hash</source>
        <translation>Entry hash (SHA-256)</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>signers</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>proof_heading</source>
        <translation>Inclusion proof (same as the QR code)</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>qr_caption</source>
        <translation>QR code: entry and inclusion proof</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>how_to_verify</source>
        <translation>To verify: massho certificate verify FILE --vkey KEY</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>list_title</source>
        <translation>Disposal list</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>list_count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destruction_title</source>
        <translation>Certificate of Media Destruction</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destruction_statement</source>
        <translation>We certify that the medium below was physically destroyed as stated, witnessed by a second person, and recorded in the signed register.</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>section_destruction</source>
        <translation>Destruction</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destruction_method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_shred</source>
        <translation>Shredding</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_crush</source>
        <translation>Crushing</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_degauss</source>
        <translation>Degaussing</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_melt</source>
        <translation>Melting</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_incinerate</source>
        <translation>Incineration</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_disassemble</source>
        <translation>Disassembly</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>performed_on</source>
        <translation>Performed on</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>performed_by</source>
        <translation>Performed by</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>witness</source>
        <translation>Witness</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>contractor</source>
        <translation>Contractor</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>contractor_cert</source>
        <translation>Contractor's certificate no.</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>photos</source>
        <translation>Photos (SHA-256)</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>my_number</source>
        <translation>Holds My Number data</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>erasure_entry</source>
        <translation>Preceding erasure entry</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
</TS>
