#!/bin/sh
# The dock cable: the handheld's USB device port as one CDC-ACM serial function (configfs, libcomposite), so the
# district host sees /dev/ttyACM* (Linux) or COMn (Windows, usbser.sys needs no driver) and the terminal
# /dev/ttyGS0. Nothing else: no RNDIS/ECM network function, ever (the terminal never joins a network).
# Run once at boot, before terminal.service: /etc/systemd/system/terminal-gadget.service (see README.md).
set -eu
modprobe libcomposite
g=/sys/kernel/config/usb_gadget/terminal
[ -d "$g" ] && exit 0
mkdir -p "$g"
echo 0x1d6b >"$g/idVendor"     # Linux Foundation (replace with the vendor's own id in production)
echo 0x0104 >"$g/idProduct"    # Multifunction Composite Gadget
echo 0x0100 >"$g/bcdDevice"
echo 0x0200 >"$g/bcdUSB"
# Class from the interface (CDC), so Windows binds usbser without an .inf.
echo 0x02 >"$g/bDeviceClass"
mkdir -p "$g/strings/0x409"
echo "collection-terminal" >"$g/strings/0x409/manufacturer"
echo "Collection Terminal Dock" >"$g/strings/0x409/product"
cat /etc/terminal/terminal-id >"$g/strings/0x409/serialnumber"   # the host shows which terminal is docked
mkdir -p "$g/configs/c.1/strings/0x409"
echo "dock" >"$g/configs/c.1/strings/0x409/configuration"
echo 100 >"$g/configs/c.1/MaxPower"
mkdir -p "$g/functions/acm.dock"
ln -s "$g/functions/acm.dock" "$g/configs/c.1/"
# Bind to the board's device controller (there is one on the reference handheld).
ls /sys/class/udc | head -n1 >"$g/UDC"
